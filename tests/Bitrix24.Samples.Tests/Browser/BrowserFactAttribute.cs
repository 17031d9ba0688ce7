namespace Bitrix24.Samples.Tests.Browser;

/// <summary>A test that needs Chromium: skipped where it is not installed, except in CI, where it runs and fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired)
        {
            Skip = Chromium.Missing;
        }
    }
}
