using System.Text.Json;
using System.Text.RegularExpressions;
using EPeople.Application.Accounts;
using EPeople.Application.Errors;
using EPeople.Application.FunctionalTests.Testing;
using EPeople.Application.Outbox;
using EPeople.Application.Security;
using EPeople.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EPeople.Application.FunctionalTests.Accounts;

public sealed partial class RegisterCitizenTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task ShouldQueueAConfirmationEmailInTheSameTransactionAndSignInOnlyAfterConfirming()
    {
        var userId = await App.SendAsync(new RegisterCitizenCommand("minjun@example.kr", "a long pass phrase", "김민준"));

        var message = await App.QueryDbAsync(db => db.OutboxMessages.SingleAsync());
        message.Type.ShouldBe(EmailMessage.Type);
        message.IdempotencyKey.ShouldBe($"confirm-email:{userId}");
        var email = JsonSerializer.Deserialize<EmailMessage>(message.Payload)!;
        email.To.ShouldBe("minjun@example.kr");
        var link = ConfirmationLink().Match(email.TextBody);
        link.Success.ShouldBeTrue(email.TextBody);
        link.Groups["user"].Value.ShouldBe(userId.ToString());

        // Not confirmed yet: the same answer as a wrong password.
        await Should.ThrowAsync<UnauthorizedAccessException>(() => App.SendAsync(new LogInCommand("minjun@example.kr", "a long pass phrase")));

        await App.SendAsync(new ConfirmEmailCommand(userId, Uri.UnescapeDataString(link.Groups["code"].Value)));
        var principal = await App.SendAsync(new LogInCommand("minjun@example.kr", "a long pass phrase"));

        principal.IsInRole(Roles.Citizen).ShouldBeTrue();
        principal.FindFirst(UserClaimTypes.DisplayName)!.Value.ShouldBe("김민준");
    }

    [Test]
    public async Task ShouldRejectDuplicateEmailAsConflictAndQueueNothingMore()
    {
        await App.SendAsync(new RegisterCitizenCommand("minjun@example.kr", "a long pass phrase", "김민준"));

        var ex = await Should.ThrowAsync<ConflictException>(() =>
            App.SendAsync(new RegisterCitizenCommand("minjun@example.kr", "another pass phrase", "Kim")));

        ex.Rule.ShouldBe("DuplicateEmail");
        (await App.QueryDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task ShouldValidateEmailPasswordAndName()
    {
        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new RegisterCitizenCommand("nope", "short", "")));

        ex.Errors.Keys.ShouldBe(["email", "password", "displayName"], ignoreOrder: true);
        (await App.QueryDbAsync(db => db.Users.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task ShouldRefuseAForgedConfirmationCode()
    {
        var userId = await App.SendAsync(new RegisterCitizenCommand("minjun@example.kr", "a long pass phrase", "김민준"));

        var ex = await Should.ThrowAsync<ValidationFailedException>(() => App.SendAsync(new ConfirmEmailCommand(userId, "Zm9yZ2Vk")));

        ex.Errors.Keys.ShouldBe(["code"]);
    }

    [Test]
    public async Task ShouldLockTheAccountAfterRepeatedWrongPasswords()
    {
        var userId = await App.SendAsync(new RegisterCitizenCommand("minjun@example.kr", "a long pass phrase", "김민준"));
        await App.QueryDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));

        for (var i = 0; i < 5; i++)
        {
            await Should.ThrowAsync<UnauthorizedAccessException>(() => App.SendAsync(new LogInCommand("minjun@example.kr", "wrong guess " + i)));
        }

        // Locked out: even the right password is refused, with the same message.
        await Should.ThrowAsync<UnauthorizedAccessException>(() => App.SendAsync(new LogInCommand("minjun@example.kr", "a long pass phrase")));
    }

    [GeneratedRegex(@"https://epeople\.test/account/confirm-email\?userId=(?<user>[0-9a-f-]{36})&code=(?<code>\S+)")]
    private static partial Regex ConfirmationLink();
}
