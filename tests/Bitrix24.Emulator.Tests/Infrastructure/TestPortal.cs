using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>
/// An emulated portal for one test, on a frozen <see cref="TestClock"/>, with a raw HTTP client and the
/// URL paths of its webhooks and OAuth endpoint. Portals are cheap: every test that changes state starts its own.
/// </summary>
internal sealed class TestPortal : IAsyncDisposable
{
    private TestPortal(EmulatedPortal portal, TestClock clock)
    {
        Portal = portal;
        Clock = clock;
        Http = new EmulatorHttp(portal.BaseUrl);
    }

    public EmulatedPortal Portal { get; }

    public TestClock Clock { get; }

    public EmulatorHttp Http { get; }

    /// <summary>Demo chat 112 as it is now.</summary>
    public ChatSnapshot Chat => Portal.State.GetChat(DemoPortal.ChatId);

    /// <summary>Starts a portal with the demo data and a <see cref="TestClock"/>; <paramref name="configure"/> adjusts the options.</summary>
    public static async Task<TestPortal> StartAsync(Action<EmulatedPortalOptions>? configure = null)
    {
        var clock = new TestClock();
        var options = new EmulatedPortalOptions { TimeProvider = clock };
        configure?.Invoke(options);
        EmulatedPortal portal = await EmulatedPortal.StartAsync(options);
        return new TestPortal(portal, (TestClock)portal.Clock);
    }

    /// <summary><c>rest/{user}/{code}/{method}.json</c> of a webhook (<see cref="DemoPortal.Webhook"/> by default).</summary>
    public static string WebhookPath(string method, EmulatedWebhook? webhook = null, string suffix = ".json")
    {
        webhook ??= DemoPortal.Webhook;
        return $"rest/{webhook.UserId}/{webhook.Code}/{method}{suffix}";
    }

    /// <summary>The OAuth form <c>rest/{method}.json</c>, optionally with <c>auth</c> in the query.</summary>
    public static string OAuthPath(string method, string? token = null) =>
        token is null ? $"rest/{method}.json" : $"rest/{method}.json?auth={Uri.EscapeDataString(token)}";

    /// <summary>Calls a method through the demo webhook with a JSON body.</summary>
    public Task<ApiResponse> CallAsync(string method, JsonObject? parameters = null, EmulatedWebhook? webhook = null) =>
        Http.PostJsonAsync(WebhookPath(method, webhook), parameters);

    /// <summary>Calls a method through a webhook (the demo one by default) with a JSON body given as text, e.g. a docs example.</summary>
    public Task<ApiResponse> CallJsonAsync(string method, string json, EmulatedWebhook? webhook = null) =>
        Http.PostRawAsync(WebhookPath(method, webhook), json, "application/json");

    /// <summary>Calls a method through the demo webhook with a form body.</summary>
    public Task<ApiResponse> CallFormAsync(string method, params (string Key, string Value)[] fields) =>
        Http.PostFormAsync(WebhookPath(method), fields);

    /// <summary>Calls a method with an OAuth access token in the JSON body's <c>auth</c>.</summary>
    public Task<ApiResponse> CallOAuthAsync(string method, string accessToken, JsonObject? parameters = null)
    {
        JsonObject body = parameters ?? new JsonObject();
        body["auth"] = accessToken;
        return Http.PostJsonAsync(OAuthPath(method), body);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Portal.DisposeAsync();
    }
}
