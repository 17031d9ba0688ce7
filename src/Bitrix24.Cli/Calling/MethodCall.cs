using System.CommandLine;
using System.Net;
using System.Text.Json;
using Bitrix24.Cli.Arguments;
using Bitrix24.Cli.Commands;
using Bitrix24.Cli.Output;
using Bitrix24.Cli.Transport;
using Bitrix24.Emulator.State;

namespace Bitrix24.Cli.Calling;

/// <summary>
/// The action of a method command: pick the portal, call the method through the SDK client, print
/// what was sent and what came back, and map the outcome to an exit code.
/// </summary>
internal sealed class MethodCall(MethodCommand command, GlobalOptions global, CliContext context)
{
    // The emulator's chats are keyed by this parameter; any method that has it gets the transcript.
    private const string ChatParameter = "CHAT_ID";

    public async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        MethodArguments arguments = command.ReadArguments(parse);
        bool jsonOnly = parse.GetValue(global.Json);
        string? webhook = parse.GetValue(global.Webhook) ?? context.WebhookFromEnvironment;

        await using PortalTarget target = await PortalTarget.OpenAsync(webhook, cancellationToken).ConfigureAwait(false);
        var report = new CallReport(context, target.Mask, jsonOnly);
        report.Target(target.Description);

        // Like the SDK's own client: pooled connections recycled for DNS changes; the SDK applies its own timeout.
        var capture = new RequestCapture(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        });
        using var http = new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Bitrix24.Cli/" + typeof(MethodCall).Assembly.GetName().Version?.ToString(3));
        using var client = new Bitrix24Client(target.ClientOptions, http);

        int exitCode;
        try
        {
            Bitrix24Response<JsonElement> response = await client.CallAsync(CatalogMethodDescriptor.Create(command.Method), arguments, cancellationToken).ConfigureAwait(false);
            report.Sent(capture.Requests);
            report.Result(response.Result);
            exitCode = ExitCodes.Success;
        }
        catch (Bitrix24ApiException e)
        {
            report.Sent(capture.Requests);
            report.ApiError(e);
            exitCode = ExitCodes.PortalError;
        }
        catch (Bitrix24TransportException e)
        {
            report.Sent(capture.Requests);
            report.TransportError(e);
            exitCode = ExitCodes.PortalError;
        }

        if (!jsonOnly && target.Emulator is { } portal && FindChat(portal.State, arguments) is { } chat)
        {
            TranscriptPrinter.Write(context.Out, chat, portal.State);
        }

        return exitCode;
    }

    private static ChatSnapshot? FindChat(PortalState state, MethodArguments arguments) =>
        arguments.FindInteger(ChatParameter) is long id and > 0 and <= int.MaxValue ? state.FindChat((int)id) : null;
}
