using System.Globalization;
using System.Runtime.InteropServices;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;

// Standalone emulator: dotnet run --project src/Bitrix24.Emulator.Server -- [--port 5080] [--no-rate-limit] [--no-operating-limit]
// Runs until Ctrl+C. The demo credentials are the emulator's own, public by design.
// Exit codes: 0 stopped by Ctrl+C or SIGTERM; 2 usage error, or the port could not be listened on (e.g. it is taken).
int port = 5080;
bool rateLimit = true;
bool operatingLimit = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed is > 0 and < 65536:
            port = parsed;
            i++;
            break;
        case "--no-rate-limit":
            rateLimit = false;
            break;
        case "--no-operating-limit":
            operatingLimit = false;
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: Bitrix24.Emulator.Server [--port 5080] [--no-rate-limit] [--no-operating-limit]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'. Usage: Bitrix24.Emulator.Server [--port 5080] [--no-rate-limit] [--no-operating-limit]");
            return 2;
    }
}

var options = new EmulatedPortalOptions { Port = port };
if (!rateLimit)
{
    options.RateLimit = null;
}

if (!operatingLimit)
{
    // Each call charges the method's operating time; a long run (a benchmark) would otherwise be blocked for OPERATION_TIME_LIMIT.
    options.OperatingLimit = null;
}

EmulatedPortal started;
try
{
    started = await EmulatedPortal.StartAsync(options);
}
catch (IOException e)
{
    // Most often the port is taken (another emulator still running): say so, not with a stack trace.
    Console.Error.WriteLine($"Cannot start the emulator: {e.Message} Pass another --port.");
    return 2;
}

await using EmulatedPortal portal = started;
Console.WriteLine($"Emulated Bitrix24 portal listening on {portal.BaseUrl}");
Console.WriteLine($"  webhook (imopenlines, imbot): {portal.WebhookUrl}");
Console.WriteLine($"  OAuth client_endpoint:        {portal.ClientEndpoint} (client_id {portal.Application.ClientId})");
Console.WriteLine($"  imbot.v2 demo bot:            botId {DemoPortal.BotId}, botToken {DemoPortal.BotClientId}, dialogId chat{DemoPortal.ChatId}");
Console.WriteLine($"  playground page:              {portal.BaseUrl}_emulator/");
Console.WriteLine($"  chat {DemoPortal.ChatId} transcript:           {portal.BaseUrl}_emulator/chats/{DemoPortal.ChatId}");
Console.WriteLine($"  requests received:            {portal.BaseUrl}_emulator/requests");
Console.WriteLine($"  domain, member_id, app token: {portal.BaseUrl}_emulator/portal");
Console.WriteLine($"  a bot's application_token:    {portal.BaseUrl}_emulator/bots/{{id}}");
Console.WriteLine($"  the customer writes:          POST {portal.BaseUrl}_emulator/chats/{DemoPortal.ChatId}/messages {{\"text\":\"...\"}}");
Console.WriteLine($"  the customer presses a key:   POST {portal.BaseUrl}_emulator/chats/{DemoPortal.ChatId}/commands {{\"messageId\":N,\"button\":0}}");
Console.WriteLine($"  event deliveries (webhook):   {portal.BaseUrl}_emulator/deliveries");
Console.WriteLine("Press Ctrl+C to stop.");

var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stopped.Task;
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopped.TrySetResult();
}
