using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>
/// Missing or wrong settings never pass silently: resolving the client throws
/// <see cref="OptionsValidationException"/> naming the key (and the value, unless it is a secret),
/// and so does host start-up (<c>ValidateOnStart</c>).
/// </summary>
public sealed class ConfigurationErrorTests
{
    private const string Code = "abc123xyz";
    private const string Secret = "app-secret-0001";
    private const string Webhook = "https://example.bitrix24.com/rest/1/" + Code + "/";

    public static TheoryData<string[], string> BadSettings => new()
    {
        { [], "No Bitrix24 credentials (the configuration section 'Bitrix24' is missing or empty): set Bitrix24:WebhookUrl for an incoming webhook, or Bitrix24:ClientId, Bitrix24:ClientSecret, Bitrix24:AccessToken, Bitrix24:RefreshToken and Bitrix24:ClientEndpoint for an OAuth application." },
        { ["Plan=Enterprise"], "No Bitrix24 credentials: set Bitrix24:WebhookUrl" },
        { ["WebhookUrl=" + Webhook, "ClientId=app.1", "ClientSecret=" + Secret], "Bitrix24:WebhookUrl and Bitrix24:ClientId, Bitrix24:ClientSecret are both set: use an incoming webhook or an OAuth application, not both." },
        { ["WebhookUrl=http://example.bitrix24.com/rest/1/" + Code + "/"], "Bitrix24:WebhookUrl: The webhook URL for example.bitrix24.com uses plain http://; Bitrix24 requires https://" },
        { ["WebhookUrl=ftp://example.bitrix24.com/rest/1/" + Code + "/"], "Bitrix24:WebhookUrl: The webhook URL for example.bitrix24.com must use https://, not ftp://." },
        { ["WebhookUrl=https://example.bitrix24.com/" + Code], "Bitrix24:WebhookUrl: The URL for example.bitrix24.com is not an incoming webhook URL" },
        { ["WebhookUrl=" + Code], "Bitrix24:WebhookUrl: not an absolute URL; expected https://{portal}/rest/{user_id}/{code}/." },
        { ["WebhookUrl=" + Webhook, "Plan=Gold"], "Bitrix24:Plan: 'Gold' is not a plan; expected Standard or Enterprise." },
        { ["WebhookUrl=" + Webhook, "Plan=1"], "Bitrix24:Plan: '1' is not a plan; expected Standard or Enterprise." },
        { ["WebhookUrl=" + Webhook, "Retry:MaxAttempts=abc"], "Bitrix24:Retry:MaxAttempts: 'abc' is not a whole number." },
        { ["WebhookUrl=" + Webhook, "Retry:MaxAttempts=0"], "Bitrix24:Retry:MaxAttempts: '0' must be at least 1." },
        { ["WebhookUrl=" + Webhook, "Retry:Enabled=maybe"], "Bitrix24:Retry:Enabled: 'maybe' is not true or false." },
        { ["WebhookUrl=" + Webhook, "Retry:WaitForOperatingLimit=1"], "Bitrix24:Retry:WaitForOperatingLimit: '1' is not true or false." },
        { ["WebhookUrl=" + Webhook, "Retry:BaseDelay=-00:00:01"], "Bitrix24:Retry:BaseDelay: '-00:00:01' must not be negative." },
        { ["WebhookUrl=" + Webhook, "Retry:MaxDelay=soon"], "Bitrix24:Retry:MaxDelay: 'soon' is not a time span such as 00:00:30 (hh:mm:ss)." },
        { ["WebhookUrl=" + Webhook, "Retry:TotalTimeout=00:00:00"], "Bitrix24:Retry:TotalTimeout: '00:00:00' must be positive (or -00:00:00.001 for no limit)." },
        { ["WebhookUrl=" + Webhook, "RequestTimeout=30"], "Bitrix24:RequestTimeout: '30' is not a time span such as 00:00:30 (hh:mm:ss)." },
        { ["WebhookUrl=" + Webhook, "RequestTimeout=-00:00:05"], "Bitrix24:RequestTimeout: '-00:00:05' must be positive" },
        { ["WebhookUrl=" + Webhook, "RequestsPerSecond=fast"], "Bitrix24:RequestsPerSecond: 'fast' is not a number." },
        { ["WebhookUrl=" + Webhook, "RequestsPerSecond=0"], "Bitrix24:RequestsPerSecond: '0' must be more than 0." },
        { ["WebhookUrl=" + Webhook, "Burst=-3"], "Bitrix24:Burst: '-3' must be at least 1." },
        { ["ClientId=app.1", "AccessToken=a1", "RefreshToken=r1", "ClientEndpoint=https://example.bitrix24.com/rest/"], "Bitrix24:ClientSecret: required for an OAuth application." },
        { ["ClientId=app.1", "ClientSecret=" + Secret], "Bitrix24:AccessToken: required for an OAuth application.; Bitrix24:RefreshToken: required for an OAuth application.; Bitrix24:ClientEndpoint: required for an OAuth application" },
        { ["ClientId=app.1", "ClientSecret=" + Secret, "AccessToken=a1", "RefreshToken=r1", "ClientEndpoint=http://example.bitrix24.com/rest/"], "Bitrix24:ClientEndpoint: The OAuth client_endpoint for example.bitrix24.com uses plain http://" },
        { ["ClientId=app.1", "ClientSecret=" + Secret, "AccessToken=a1", "RefreshToken=r1", "ClientEndpoint=rest"], "Bitrix24:ClientEndpoint: 'rest' is not an absolute URL." },
        { ["ClientId=app.1", "ClientSecret=" + Secret, "AccessToken=a1", "RefreshToken=r1", "ClientEndpoint=https://example.bitrix24.com/rest/", "ServerEndpoint=http://oauth.bitrix.info/rest/"], "Bitrix24:ServerEndpoint: The OAuth server_endpoint for oauth.bitrix.info uses plain http://" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_fails_when_the_client_is_resolved_naming_the_key(string[] settings, string expected)
    {
        using ServiceProvider services = DependencyInjectionHost.FromConfiguration(settings.Select(Setting));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<Bitrix24Client>());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using ServiceProvider services = DependencyInjectionHost.FromConfiguration(
            [Setting("WebhookUrl=" + Webhook), Setting("Plan=Gold"), Setting("Retry:MaxAttempts=abc"), Setting("RequestTimeout=never")]);

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<Bitrix24Client>());

        Assert.Equal(3, e.Failures.Count());
        Assert.Contains(e.Failures, f => f.StartsWith("Bitrix24:Plan:", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Bitrix24:Retry:MaxAttempts:", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("Bitrix24:RequestTimeout:", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_are_named_by_their_full_path()
    {
        var collection = new ServiceCollection();
        var configuration = DependencyInjectionHost.Configuration([new("Integrations:Bitrix24:WebhookUrl", Webhook), new("Integrations:Bitrix24:Retry:MaxAttempts", "many")]);
        collection.AddBitrix24(configuration.GetSection("Integrations:Bitrix24"));
        using ServiceProvider services = collection.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<Bitrix24Client>());

        Assert.Equal("Integrations:Bitrix24:Retry:MaxAttempts: 'many' is not a whole number.", Assert.Single(e.Failures));
    }

    [Fact]
    public void The_root_configuration_instead_of_the_section_is_pointed_out()
    {
        var collection = new ServiceCollection();
        collection.AddBitrix24(DependencyInjectionHost.Configuration([new("Bitrix24:WebhookUrl", Webhook)]));
        using ServiceProvider services = collection.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<Bitrix24Client>());

        Assert.Contains("No Bitrix24 credentials (the root configuration was passed; pass configuration.GetSection(\"Bitrix24\")): set WebhookUrl", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadDelegates => new()
    {
        { "none", "No Bitrix24 credentials: set Bitrix24ServiceOptions.WebhookUrl for an incoming webhook, or Bitrix24ServiceOptions.ClientId" },
        { "http", "Bitrix24ServiceOptions.WebhookUrl: The webhook URL for example.bitrix24.com uses plain http://" },
        { "relative", "Bitrix24ServiceOptions.WebhookUrl: The webhook URL must be an absolute URL." },
        { "plan", "Bitrix24ServiceOptions.Plan: 7 is not a plan; expected Standard or Enterprise." },
        { "timeout", "Bitrix24ServiceOptions.RequestTimeout: 00:00:00 must be positive" },
        { "burst", "Bitrix24ServiceOptions.Burst: 0 must be at least 1." },
        { "load", "Bitrix24ServiceOptions.AccessToken: required for an OAuth application when LoadTokens gives no tokens." },
        { "both", "Bitrix24ServiceOptions.WebhookUrl and Bitrix24ServiceOptions.LoadTokens are both set" },
    };

    [Theory]
    [MemberData(nameof(BadDelegates))]
    public void A_bad_setting_from_a_delegate_names_the_property(string @case, string expected)
    {
        var collection = new ServiceCollection();
        collection.AddBitrix24(o =>
        {
            switch (@case)
            {
                case "http":
                    o.WebhookUrl = new Uri("http://example.bitrix24.com/rest/1/" + Code + "/");
                    break;
                case "relative":
                    o.WebhookUrl = new Uri("rest/1/" + Code + "/", UriKind.Relative);
                    break;
                case "plan":
                    o.WebhookUrl = new Uri(Webhook);
                    o.Plan = (Bitrix24Plan)7;
                    break;
                case "timeout":
                    o.WebhookUrl = new Uri(Webhook);
                    o.RequestTimeout = TimeSpan.Zero;
                    break;
                case "burst":
                    o.WebhookUrl = new Uri(Webhook);
                    o.Burst = 0;
                    break;
                case "load":
                    o.ClientId = "app.1";
                    o.ClientSecret = Secret;
                    o.LoadTokens = _ => null;
                    break;
                case "both":
                    o.WebhookUrl = new Uri(Webhook);
                    o.LoadTokens = _ => null;
                    break;
            }
        });
        using ServiceProvider services = collection.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<Bitrix24Client>());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_start_up_fails_on_bad_settings_through_ValidateOnStart()
    {
        using ServiceProvider services = DependencyInjectionHost.FromConfiguration([Setting("WebhookUrl=" + Webhook), Setting("Retry:MaxAttempts=abc")]);

        // What the generic host runs before it starts: every options instance registered with ValidateOnStart.
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Bitrix24:Retry:MaxAttempts: 'abc' is not a whole number.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_pass_start_up_validation()
    {
        using ServiceProvider services = DependencyInjectionHost.FromConfiguration([Setting("WebhookUrl=" + Webhook), Setting("Retry:MaxAttempts=2")]);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(services.GetRequiredService<Bitrix24Client>());
    }

    private static KeyValuePair<string, string?> Setting(string keyAndValue)
    {
        int equals = keyAndValue.IndexOf('=', StringComparison.Ordinal);
        return new("Bitrix24:" + keyAndValue[..equals], keyAndValue[(equals + 1)..]);
    }
}
