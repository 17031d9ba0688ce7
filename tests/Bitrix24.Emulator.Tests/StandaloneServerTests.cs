using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The standalone program (<c>src/Bitrix24.Emulator.Server</c>, as the README starts it) run as a real
/// child process: it prints where it listens, serves webhook calls, stops cleanly on SIGTERM, and refuses a
/// taken port with a message and exit code 2.
/// </summary>
public sealed class StandaloneServerTests
{
    private const string ListeningPrefix = "Emulated Bitrix24 portal listening on ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_server_program_prints_its_URLs_answers_a_webhook_call_and_stops_on_SIGTERM()
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            await using ServerProcess server = ServerProcess.Start("--port", port.ToString(CultureInfo.InvariantCulture), "--no-rate-limit", "--no-operating-limit");

            string? listening = await server.WaitForLineAsync(line => line.StartsWith(ListeningPrefix, StringComparison.Ordinal), StartTimeout);
            if (listening is null && attempt < 3 && server.Transcript.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                continue; // another process took the port between the probe and the bind
            }

            Assert.True(listening is not null, "The server ended without listening.\n" + server.Transcript);
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            Assert.Equal(ListeningPrefix + baseUrl, listening);
            string? webhook = await server.WaitForLineAsync(line => line.TrimStart().StartsWith("webhook", StringComparison.Ordinal), StartTimeout);
            Assert.True(webhook is not null, server.Transcript);
            Assert.EndsWith(" " + new Uri(baseUrl, $"rest/{DemoPortal.Webhook.UserId}/{DemoPortal.Webhook.Code}/"), webhook, StringComparison.Ordinal);

            using (var http = new EmulatorHttp(baseUrl))
            {
                const string Text = "Hello from the standalone server";
                (await http.PostJsonAsync(
                    TestPortal.WebhookPath(BotMethods.MessageSend),
                    new JsonObject { ["CHAT_ID"] = DemoPortal.ChatId, ["NAME"] = "DEFAULT", ["MESSAGE"] = Text })).AssertTrue();

                ApiResponse chat = await http.GetAsync($"_emulator/chats/{DemoPortal.ChatId}");
                Assert.True(chat.Status == HttpStatusCode.OK, chat.ToString());
                Assert.Equal(Text, chat.Json?["transcript"]?.AsArray()[^1]?["text"]?.GetValue<string>());

                // What a test against the standalone server needs for events: the customer writes, the portal's identity.
                ApiResponse written = await http.PostJsonAsync($"_emulator/chats/{DemoPortal.ChatId}/messages", new JsonObject { ["text"] = "A customer" });
                Assert.True(written.Status == HttpStatusCode.OK, written.ToString());
                ApiResponse identity = await http.GetAsync("_emulator/portal");
                Assert.Equal($"127.0.0.1:{port}", identity.Json?["domain"]?.GetValue<string>());
                Assert.Matches("^[0-9a-f]{32}$", identity.Json?["application"]?["applicationToken"]?.GetValue<string>() ?? string.Empty);
            }

            int exitCode = await server.StopAsync(StopTimeout);
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(exitCode == 0, $"exit code {exitCode}\n{server.Transcript}");
            }

            return;
        }
    }

    [Fact]
    public async Task A_taken_port_ends_the_program_with_exit_code_2_and_a_message_not_a_crash()
    {
        // Used to die with an unhandled IOException (exit 134 on Linux) and a stack trace.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using ServerProcess server = ServerProcess.Start("--port", port.ToString(CultureInfo.InvariantCulture));
        int exitCode = await server.WaitForExitAsync(StartTimeout);

        string transcript = server.Transcript;
        Assert.True(exitCode == 2, $"exit code {exitCode}\n{transcript}");
        Assert.Contains($"err: Cannot start the emulator: 127.0.0.1:{port} is already in use by another process. Pass another --port.", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(ListeningPrefix, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_library_reports_a_taken_port_as_an_IOException_that_names_it()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        IOException e = await Assert.ThrowsAsync<IOException>(() => EmulatedPortal.StartAsync(new EmulatedPortalOptions { Port = port }));

        Assert.Equal($"127.0.0.1:{port} is already in use by another process.", e.Message);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
