using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddBitrix24(...)</c>: a <see cref="Bitrix24Client"/> resolved from a container, configured
/// from configuration or a delegate, sending through the named HttpClient to the emulated portal.
/// </summary>
public sealed class AddBitrix24Tests
{
    private const string Send = "imopenlines.bot.session.message.send";

    [Fact]
    public async Task A_client_configured_from_configuration_sends_into_the_chat()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration([new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString())]);

        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();
        bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "Hello from the container");

        Assert.True(ok);
        Assert.Same(client, services.GetRequiredService<Bitrix24Client>());
        TranscriptMessage last = portal.State.GetChat(DemoPortal.ChatId).Transcript[^1];
        Assert.Equal("Hello from the container", last.Text);
        Assert.Equal(DemoPortal.BotId, last.AuthorId);
        Assert.Equal(Send, Assert.Single(portal.Requests.All).Method);
    }

    [Fact]
    public async Task A_client_configured_by_a_delegate_sends_into_the_chat()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var collection = new ServiceCollection();
        collection.AddBitrix24(o =>
        {
            o.WebhookUrl = portal.WebhookUrl;
            o.Plan = Bitrix24Plan.Enterprise;
        });
        await using ServiceProvider services = collection.BuildServiceProvider();

        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();
        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "Hello from a delegate");

        Assert.Equal("Hello from a delegate", portal.State.GetChat(DemoPortal.ChatId).Transcript[^1].Text);
        Assert.Same(Bitrix24RateLimit.Enterprise, DependencyInjectionHost.OptionsOf(client).RateLimit);
    }

    [Fact]
    public async Task Configuration_then_a_delegate_both_apply()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var collection = new ServiceCollection();
        var configuration = DependencyInjectionHost.Configuration([new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString()), new("Bitrix24:Retry:MaxAttempts", "3")]);
        collection.AddBitrix24(configuration.GetSection("Bitrix24"), o => o.Retry.MaxAttempts = 4);
        await using ServiceProvider services = collection.BuildServiceProvider();

        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();

        Assert.Equal(4, DependencyInjectionHost.OptionsOf(client).Retry.MaxAttempts);
        Assert.True(await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId));
    }

    [Fact]
    public async Task Calls_go_through_the_named_HttpClient_and_handlers_added_to_the_returned_builder()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var handler = new RecordingHandler();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString())],
            http: builder =>
            {
                Assert.Equal(Bitrix24ServiceOptions.HttpClientName, builder.Name);
                builder.AddHttpMessageHandler(() => handler);
            });

        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();
        await client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId, AutoMessageType.Default, "through the handler");
        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Equal(["POST " + Send, "POST imopenlines.bot.session.operator"], handler.Seen);
        Assert.Equal("Bitrix24", Bitrix24ServiceOptions.HttpClientName);
    }

    [Fact]
    public async Task Plan_timeout_and_retry_settings_land_in_the_client_options()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var clock = new FakeTimeProvider();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [
                new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString()),
                new("Bitrix24:Plan", "enterprise"),
                new("Bitrix24:RequestTimeout", "00:00:42"),
                new("Bitrix24:Retry:Enabled", "false"),
                new("Bitrix24:Retry:MaxAttempts", "3"),
                new("Bitrix24:Retry:BaseDelay", "00:00:00.250"),
                new("Bitrix24:Retry:MaxDelay", "00:00:05"),
                new("Bitrix24:Retry:TotalTimeout", "00:01:30"),
                new("Bitrix24:Retry:WaitForOperatingLimit", "False"),
            ],
            services: s => s.AddSingleton<TimeProvider>(clock));

        Bitrix24ClientOptions options = DependencyInjectionHost.OptionsOf(services.GetRequiredService<Bitrix24Client>());

        Assert.Equal(Bitrix24AuthMode.Webhook, options.AuthMode);
        Assert.Equal(new Uri(portal.BaseUrl.GetLeftPart(UriPartial.Authority) + "/"), options.Portal);
        Assert.Same(Bitrix24RateLimit.Enterprise, options.RateLimit);
        Assert.Equal(TimeSpan.FromSeconds(42), options.RequestTimeout);
        Assert.False(options.Retry.Enabled);
        Assert.Equal(3, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Retry.TotalTimeout);
        Assert.False(options.Retry.WaitForOperatingLimit);
        Assert.Same(clock, options.TimeProvider);
        Assert.Same(services.GetRequiredService<ILoggerFactory>(), options.LoggerFactory);
        Assert.Null(options.TokenStore);
    }

    [Fact]
    public async Task Without_settings_the_client_has_the_SDK_defaults_and_the_system_clock()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration([new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString())]);
        Bitrix24ClientOptions byHand = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);

        Bitrix24ClientOptions options = DependencyInjectionHost.OptionsOf(services.GetRequiredService<Bitrix24Client>());

        Assert.Same(byHand.RateLimit, options.RateLimit);
        Assert.Equal(byHand.RequestTimeout, options.RequestTimeout);
        Assert.Equal(byHand.Retry.Enabled, options.Retry.Enabled);
        Assert.Equal(byHand.Retry.MaxAttempts, options.Retry.MaxAttempts);
        Assert.Equal(byHand.Retry.BaseDelay, options.Retry.BaseDelay);
        Assert.Equal(byHand.Retry.MaxDelay, options.Retry.MaxDelay);
        Assert.Equal(byHand.Retry.TotalTimeout, options.Retry.TotalTimeout);
        Assert.Equal(byHand.Retry.WaitForOperatingLimit, options.Retry.WaitForOperatingLimit);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Every_retry_setting_of_the_runtime_is_configurable()
    {
        // Bitrix24ServiceOptions.Retry is the runtime's own type, and the factory copies each property:
        // a property added to Bitrix24RetryOptions must be added to that copy and to the configuration reader.
        string[] copied = ["Enabled", "MaxAttempts", "BaseDelay", "MaxDelay", "TotalTimeout", "WaitForOperatingLimit"];

        Assert.Equal(copied.Order(), typeof(Bitrix24RetryOptions).GetProperties().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("1.5", "10", null, 1.5, 10)]
    [InlineData(null, "100", "Enterprise", 5, 100)]
    [InlineData("0.5", null, null, 0.5, 50)]
    public async Task A_custom_pace_replaces_the_plans_values(string? rate, string? burst, string? plan, double expectedRate, int expectedBurst)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString()), new("Bitrix24:RequestsPerSecond", rate), new("Bitrix24:Burst", burst), new("Bitrix24:Plan", plan)]);

        Bitrix24RateLimit limit = DependencyInjectionHost.OptionsOf(services.GetRequiredService<Bitrix24Client>()).RateLimit;

        Assert.Equal(expectedRate, limit.RequestsPerSecond);
        Assert.Equal(expectedBurst, limit.Burst);
        Assert.Null(limit.Limiter);
    }

    [Fact]
    public async Task ConfigureClient_has_the_last_word()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var collection = new ServiceCollection();
        collection.AddBitrix24(o =>
        {
            o.WebhookUrl = portal.WebhookUrl;
            o.Plan = Bitrix24Plan.Enterprise;
            o.ConfigureClient = client => client.RateLimit = Bitrix24RateLimit.Off;
        });
        await using ServiceProvider services = collection.BuildServiceProvider();

        Assert.Same(Bitrix24RateLimit.Off, DependencyInjectionHost.OptionsOf(services.GetRequiredService<Bitrix24Client>()).RateLimit);
    }

    [Fact]
    public async Task The_configured_attempt_count_is_what_the_client_does()
    {
        await using var portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = null });
        portal.Faults.Enqueue(EmulatedFault.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"), times: 10);
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString()), new("Bitrix24:Retry:MaxAttempts", "2"), new("Bitrix24:Retry:BaseDelay", "00:00:00")]);
        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();

        var e = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24ErrorCode.QueryLimitExceeded, e.ErrorCode);
        Assert.Equal(2, portal.Requests.For(Send).Count);
    }

    [Fact]
    public async Task The_SDK_RequestTimeout_applies_and_the_named_HttpClient_has_no_timeout_of_its_own()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Delay(TimeSpan.FromSeconds(30)));
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString()), new("Bitrix24:RequestTimeout", "00:00:00.300")]);
        Bitrix24Client client = services.GetRequiredService<Bitrix24Client>();

        // HttpClient.Timeout defaults to 100 s: left so, it would cut a longer RequestTimeout short.
        HttpClient named = services.GetRequiredService<IHttpClientFactory>().CreateClient(Bitrix24ServiceOptions.HttpClientName);
        Assert.Equal(Timeout.InfiniteTimeSpan, named.Timeout);
        Assert.StartsWith("Bitrix24.Generated/", named.DefaultRequestHeaders.UserAgent.ToString(), StringComparison.Ordinal);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<Bitrix24TransportException>(() => client.ImOpenLines.Bot.Session.Message.SendAsync(DemoPortal.ChatId));

        Assert.Equal(Bitrix24TransportFailure.Timeout, e.Failure);
        Assert.Contains("within 0.3 s", e.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), started.Elapsed.ToString());
    }

    [Fact]
    public async Task A_second_AddBitrix24_adds_settings_and_keeps_one_client_registration()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        var handler = new RecordingHandler();
        var collection = new ServiceCollection();
        collection.AddBitrix24(o => o.WebhookUrl = portal.WebhookUrl).AddHttpMessageHandler(() => handler);
        collection.AddBitrix24(o => o.Plan = Bitrix24Plan.Enterprise);
        await using ServiceProvider services = collection.BuildServiceProvider();

        Bitrix24Client client = Assert.Single(services.GetServices<Bitrix24Client>());
        await client.ImOpenLines.Bot.Session.OperatorAsync(DemoPortal.ChatId);

        Assert.Single(collection, d => d.ServiceType == typeof(Bitrix24Client));
        Assert.Same(Bitrix24RateLimit.Enterprise, DependencyInjectionHost.OptionsOf(client).RateLimit);
        Assert.Equal(["POST imopenlines.bot.session.operator"], handler.Seen);
    }

    [Fact]
    public async Task The_options_never_show_the_webhook_code()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        await using ServiceProvider services = DependencyInjectionHost.FromConfiguration([new("Bitrix24:WebhookUrl", portal.WebhookUrl.ToString())]);

        Bitrix24ServiceOptions options = services.GetRequiredService<IOptions<Bitrix24ServiceOptions>>().Value;

        Assert.Equal(portal.WebhookUrl, options.WebhookUrl);
        Assert.DoesNotContain(DemoPortal.Webhook.Code, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortal.Webhook.Code, services.GetRequiredService<Bitrix24Client>().ToString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", options.ToString(), StringComparison.Ordinal);
    }
}
