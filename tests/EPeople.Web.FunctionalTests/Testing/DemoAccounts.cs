namespace EPeople.Web.FunctionalTests.Testing;

/// <summary>Accounts of samples/demo-users.json used by the tests.</summary>
public static class DemoAccounts
{
    public static readonly (string Email, string Password) SystemAdmin = ("sysadmin@epeople.example", "Demo-2026!admin");
    public static readonly (string Email, string Password) SeoulAdmin = ("admin.seoul@epeople.example", "Demo-2026!admin");
    public static readonly (string Email, string Password) SeoulOfficer = ("officer.seoul@epeople.example", "Demo-2026!official");
    public static readonly (string Email, string Password) Citizen = ("citizen1@epeople.example", "Demo-2026!citizen");
    public static readonly (string Email, string Password) Analyst = ("analyst@epeople.example", "Demo-2026!analyst");
}
