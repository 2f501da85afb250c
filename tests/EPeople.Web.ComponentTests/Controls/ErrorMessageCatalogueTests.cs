using System.Globalization;
using System.Text.RegularExpressions;
using EPeople.Application.Errors;
using EPeople.Domain;
using EPeople.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EPeople.Web.ComponentTests.Controls;

/// <summary>Every error message the core can show a user has its Korean in Resources/ErrorMessages.ko.resx.</summary>
public sealed partial class ErrorMessageCatalogueTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    private ServiceProvider _services = null!;
    private IStringLocalizer<ErrorMessages> _errors = null!;

    [SetUp]
    public void CreateLocalizer()
    {
        CultureInfo.CurrentUICulture = Korean;
        _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        _errors = _services.GetRequiredService<IStringLocalizer<ErrorMessages>>();
    }

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [Test]
    public void ShouldHaveKoreanForEveryMessageInTheCoreSource()
    {
        var shown = typeof(DomainException).Assembly.GetTypes().Concat(typeof(ErrorTranslator).Assembly.GetTypes())
            .Where(t => typeof(DomainException).IsAssignableFrom(t) || t == typeof(ForbiddenException) || t == typeof(NotFoundException))
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        var entries = _errors.GetAllStrings(includeParentCultures: false).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        var messages = SourceMessages.Find(RepositoryRoot(), shown);
        var missing = messages.Where(m => !entries.Contains(m.Key)).Select(m => $"{m.Where}: {m.Key}").ToList();

        messages.Count.ShouldBeGreaterThan(150, "the scan found too few messages to be reading the source right");
        missing.ShouldBeEmpty(
            "these messages have no Korean in src/EPeople.Web/Resources/ErrorMessages.ko.resx (name the entry as the English, {0}, {1}… for values):\n"
            + string.Join('\n', missing));
    }

    [Test]
    public void ShouldHaveKoreanForEveryTitleAndDetailOfTheProblemReport()
    {
        Exception[] failures =
        [
            new ValidationFailedException(new Dictionary<string, string[]>()), new UnauthorizedAccessException(), new ForbiddenException(),
            new NotFoundException("Petition", "x"), new DbUpdateConcurrencyException(), new DomainException("rule"),
            new DbUpdateException(), new InvalidOperationException(),
        ];

        var texts = failures.Select(ErrorTranslator.Translate)
            .SelectMany(r => new[] { r.Title, r.Detail })
            .Where(t => t is not ("rule" or "Petition 'x' was not found."));

        texts.Where(t => _errors[t].ResourceNotFound).ShouldBeEmpty();
    }

    [Test]
    public void ShouldKeepTheHolesOfTheEnglishInTheKorean()
    {
        var wrong = _errors.GetAllStrings(includeParentCultures: false)
            .Where(e => !Holes(e.Name).SetEquals(Holes(e.Value)))
            .Select(e => $"{e.Name} → {e.Value}")
            .ToList();

        wrong.ShouldBeEmpty(string.Join('\n', wrong));
    }

    [Test]
    public void ShouldReadLiteralsInterpolationsAndTernariesFromSource()
    {
        const string source = """
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason.");
            throw new DomainException(count >= 2
                ? "Twice already." // the second
                : $"Only {Max(a, "b")} times for {kind:G}, {{not a hole}}.", "Limit");
            throw new Errors.NotFoundException("Holiday", date.ToString("yyyy-MM-dd"));
            throw new InvalidOperationException("Not shown: a 500.");
            context.AddFailure($"Rules[{i}].Kind", "Another rule.");
            ValidationFailedException.For("data.answer", @"Say ""why"".");
            class ForbiddenException(string message = "Not allowed.") : Exception(message);
            """;

        var keys = SourceMessages.InFile(source, new HashSet<string>(["DomainException", "NotFoundException"])).Select(m => m.Key);

        keys.ShouldBe([
            "Give the reason.", "Twice already.", "Only {0} times for {1}, {not a hole}.", "Holiday", "Another rule.",
            "Say \"why\".", "Not allowed.",
        ]);
    }

    private static HashSet<string> Holes(string text) => [.. HolePattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex HolePattern();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EPeople.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("No EPeople.sln above the test directory.");
    }
}
