using Microsoft.Playwright;

namespace Bitrix24.Samples.Tests.Browser;

/// <summary>One Playwright driver (a Node process) and one headless Chromium for a whole test class; each test opens its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return; // the tests are skipped, or, in CI, fail on it with the reason
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true });
    }

    /// <summary>A fresh context (no shared storage) with a page of the playground's intended size.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        Assert.True(_browser is not null, Chromium.Missing);
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
