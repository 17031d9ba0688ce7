using System.Text;
using System.Text.RegularExpressions;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.ImOpenLines;
using Bitrix24.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>The README's "Dependency injection" example in a real ASP.NET Core app: its appsettings.json as written (the webhook pointed at the emulator), its registration and its endpoint.</summary>
public sealed class ReadmeDependencyInjectionExampleTests
{
    private const string ReadmeWebhook = "https://example.bitrix24.com/rest/1/abc123xyz/";

    [Fact]
    public async Task The_README_example_runs_as_written()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        (string json, string code) = ReadmeExample();
        Assert.Contains("builder.Services.AddBitrix24(builder.Configuration.GetSection(\"Bitrix24\"));", code, StringComparison.Ordinal);
        Assert.Contains("async (int chatId, Bitrix24Client client) =>", code, StringComparison.Ordinal);

        WebApplication app = CreateApp(json.Replace(ReadmeWebhook, portal.WebhookUrl.ToString(), StringComparison.Ordinal));
        await using (app)
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

            using HttpResponseMessage response = await http.PostAsync("/hello/112", content: null);

            Assert.Equal("true", await response.Content.ReadAsStringAsync());
            Assert.Equal("Hello!", portal.State.GetChat(DemoPortal.ChatId).Transcript[^1].Text);
            Bitrix24ClientOptions options = DependencyInjectionHost.OptionsOf(app.Services.GetRequiredService<Bitrix24Client>());
            Assert.Same(Bitrix24RateLimit.Enterprise, options.RateLimit);
            Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
            Assert.Equal(3, options.Retry.MaxAttempts);
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_bad_setting_stops_the_app_at_start_up()
    {
        (string json, _) = ReadmeExample();
        WebApplication app = CreateApp(json.Replace("\"Enterprise\"", "\"Gold\"", StringComparison.Ordinal));
        await using (app)
        {
            var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Equal("Bitrix24:Plan: 'Gold' is not a plan; expected Standard or Enterprise.", Assert.Single(e.Failures));
        }
    }

    /// <summary>The app of the README's C# block, with the README's JSON as its appsettings.json.</summary>
    private static WebApplication CreateApp(string appsettings)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings)));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        builder.Services.AddBitrix24(builder.Configuration.GetSection("Bitrix24"));

        WebApplication app = builder.Build();
        app.MapPost("/hello/{chatId:int}", async (int chatId, Bitrix24Client client) =>
            await client.ImOpenLines.Bot.Session.Message.SendAsync(chatId, AutoMessageType.Default, "Hello!"));
        return app;
    }

    /// <summary>The first json and csharp blocks of the README's "Dependency injection" section.</summary>
    private static (string Json, string Code) ReadmeExample()
    {
        string readme = File.ReadAllText(RepositoryRoot.Combine("README.md")).ReplaceLineEndings("\n");
        int start = readme.IndexOf("\n### Dependency injection\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '### Dependency injection' section");
        string section = readme[start..];
        string Block(string language) => Regex.Match(section, "```" + language + "\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return (Block("json"), Block("csharp"));
    }
}
