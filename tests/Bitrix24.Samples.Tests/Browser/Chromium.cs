namespace Bitrix24.Samples.Tests.Browser;

/// <summary>
/// The browser the page tests drive: Debian's Chromium (<c>apt-get install chromium</c>, which <c>.ci/run</c> does), whose
/// major version matches what this Playwright release expects; Playwright's own browser download is not reachable here.
/// </summary>
internal static class Chromium
{
    /// <summary>Overrides the browser's path.</summary>
    public const string PathVariable = "B24_CHROMIUM";

    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>In CI a missing browser is a failure, never a skip: the page must be proven there.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"No Chromium at {ExecutablePath}: install Debian's chromium package, or set {PathVariable} to a Chromium of the major version Playwright 1.64 expects.";
}
