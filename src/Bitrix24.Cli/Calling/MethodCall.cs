using System.CommandLine;
using System.Globalization;
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
    // The emulator's chats are keyed by these parameters; any method that has one gets the transcript:
    // CHAT_ID (112) of the imopenlines methods, dialogId ("chat112") of Chatbots 2.0.
    private const string ChatParameter = "CHAT_ID";
    private const string DialogParameter = "dialogId";
    private const string GroupDialogPrefix = "chat";

    public async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        MethodArguments arguments = command.ReadArguments(parse);
        bool jsonOnly = parse.GetValue(global.Json);
        string? webhook = parse.GetValue(global.Webhook) ?? context.WebhookFromEnvironment;

        await using PortalTarget target = await PortalTarget.OpenAsync(webhook, cancellationToken).ConfigureAwait(false);
        var report = new CallReport(context, target.Mask, jsonOnly);
        report.Target(target.Description);

        // Like the SDK's own client: pooled connections recycled for DNS changes; the SDK applies its own timeout.
        Bitrix24ClientOptions options = target.ClientOptions;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };

        // Each request is printed as it leaves, and each repeat of it by the SDK as one line, within the SDK's maximum.
        int maxAttempts = options.Retry.Enabled ? options.Retry.MaxAttempts : 1;
        var capture = new RequestCapture(handler, options.TimeProvider) { Sending = request => report.Sending(request, maxAttempts) };
        using var http = new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Bitrix24.Cli/" + typeof(MethodCall).Assembly.GetName().Version?.ToString(3));
        using var client = new Bitrix24Client(options, http);

        int exitCode;
        try
        {
            Bitrix24Response<JsonElement> response = await client.CallAsync(CatalogMethodDescriptor.Create(command.Method), arguments, cancellationToken).ConfigureAwait(false);
            report.Result(response.Result);
            exitCode = ExitCodes.Success;
        }
        catch (Bitrix24ApiException e)
        {
            report.ApiError(e);
            exitCode = ExitCodes.PortalError;
        }
        catch (Bitrix24TransportException e)
        {
            report.TransportError(e);
            exitCode = ExitCodes.PortalError;
        }

        if (!jsonOnly && target.Emulator is { } portal && FindChat(portal.State, arguments) is { } chat)
        {
            TranscriptPrinter.Write(context.Out, chat, portal.State);
        }

        return exitCode;
    }

    private static ChatSnapshot? FindChat(PortalState state, MethodArguments arguments)
    {
        long? id = arguments.FindInteger(ChatParameter);
        if (id is null
            && arguments.FindString(DialogParameter) is { } dialog
            && dialog.StartsWith(GroupDialogPrefix, StringComparison.Ordinal)
            && long.TryParse(dialog.AsSpan(GroupDialogPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long chatId))
        {
            id = chatId;
        }

        return id is > 0 and <= int.MaxValue ? state.FindChat((int)id.Value) : null;
    }
}
