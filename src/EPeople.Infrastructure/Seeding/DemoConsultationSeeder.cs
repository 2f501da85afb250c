using EPeople.Domain.Petitions;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Seeding;

/// <summary>
/// With the demo accounts, one open consultation (Seoul's, 30 days from now) so that a fresh demo can file a
/// policy-engagement opinion at once. Seeded only while no open consultation exists.
/// </summary>
internal sealed class DemoConsultationSeeder(EPeopleDbContext db, TimeProvider clock)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await db.Consultations.AnyAsync(c => c.ClosesAt > now, cancellationToken) || !await db.Institutions.AnyAsync(i => i.Code == "6110000", cancellationToken))
        {
            return 0;
        }

        db.Consultations.Add(Consultation.Open("6110000", "공공자전거 따릉이 요금 개편안 의견 수렴 (Seoul bike fare reform: your opinion)",
            "서울시는 공공자전거 요금 체계 개편안을 마련했습니다. 이용 시간별 요금과 정기권 가격에 대한 시민 여러분의 의견을 받습니다. "
            + "(Seoul proposes a new fare structure for its public bicycles and asks citizens for their views.)",
            now, now.AddDays(30), "seed", now));
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }
}
