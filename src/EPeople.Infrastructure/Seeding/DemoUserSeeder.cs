using System.Text.Json;
using EPeople.Domain.Institutions;
using EPeople.Infrastructure.Identity;
using EPeople.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Infrastructure.Seeding;

/// <summary>
/// Creates the demo accounts of samples/demo-users.json with confirmed e-mail addresses, and the departments
/// their officials belong to. Accounts that already exist are left as they are.
/// </summary>
internal sealed class DemoUserSeeder(EPeopleDbContext db, UserManager<ApplicationUser> users)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> SeedAsync(string jsonPath, CancellationToken cancellationToken)
    {
        var demoUsers = JsonSerializer.Deserialize<List<DemoUser>>(await File.ReadAllTextAsync(jsonPath, cancellationToken), Json) ?? [];
        var created = 0;
        foreach (var demo in demoUsers)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName ?? demo.Email,
                Position = demo.Position is { } p ? Enum.Parse<Position>(p) : null,
            };
            if (demo.InstitutionCode is { } code)
            {
                var institution = await db.Institutions.Include(i => i.Departments)
                                      .SingleOrDefaultAsync(i => i.Code == code, cancellationToken)
                                  ?? throw new InvalidOperationException($"{jsonPath}: {demo.Email} names unknown institution {code}.");
                user.InstitutionId = institution.Id;
                if (demo.DepartmentKo is { } departmentName)
                {
                    var department = institution.Departments.FirstOrDefault(d => d.NameKo == departmentName);
                    if (department is null)
                    {
                        department = institution.AddDepartment(new InstitutionNames(departmentName, demo.DepartmentEn ?? departmentName));
                        db.Departments.Add(department);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    user.DepartmentId = department.Id;
                }
            }

            var result = await users.CreateAsync(user, demo.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"{jsonPath}: cannot create {demo.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, demo.Role);
            created++;
        }

        return created;
    }
}
