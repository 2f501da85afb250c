using NUnit.Framework;

namespace EPeople.Testing;

/// <summary>
/// What a test run insists on. Locally, a missing PostgreSQL or Chromium marks those tests ignored with the
/// reason; CI sets EPEOPLE_REQUIRE_POSTGRES=1 and EPEOPLE_REQUIRE_BROWSER=1 so that absence fails instead.
/// </summary>
public static class TestRequirements
{
    public static bool PostgresRequired => Environment.GetEnvironmentVariable("EPEOPLE_REQUIRE_POSTGRES") == "1";

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("EPEOPLE_REQUIRE_BROWSER") == "1";

    /// <summary>Fails the test when <paramref name="required"/>, otherwise marks it ignored.</summary>
    public static void Unavailable(bool required, string reason)
    {
        if (required)
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }
}
