// A fresh app that only knows the packages: the SDK's own method and one generated from this
// app's spec/ folder, both called against the emulator package.
using Bitrix24;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Wire;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Logging;

var portalOptions = new EmulatedPortalOptions { RateLimit = null };
// The emulator does not know the app's method until taught, as a real portal's behaviour would be looked up.
portalOptions.Methods.Add(new EmulatedMethod("imbot.chat.leave", ["imbot"], call =>
{
    long chatId = PhpValue.ToInt(call.Parameters["CHAT_ID"]);
    if (chatId <= 0)
    {
        throw new EmulatedRestException(400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
    }

    call.State.PostMessage((int)chatId, DemoPortal.BotId, "Support Bot left the chat", isSystem: true);
    return true;
}));
await using EmulatedPortal portal = await EmulatedPortal.StartAsync(portalOptions);

using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information));
Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook(portal.WebhookUrl);
options.LoggerFactory = loggerFactory;
using var client = new Bitrix24Client(options);

bool sent = await client.ImOpenLines.Bot.Session.Message.SendAsync(
    chatId: DemoPortal.ChatId, name: AutoMessageType.Default, message: "Hello from a fresh app");
bool left = await client.App().ImBot.Chat.LeaveAsync(chatId: DemoPortal.ChatId);

int exitCode = 0;
try
{
    await client.App().ImBot.Chat.LeaveAsync(chatId: 0);
    exitCode = 3;
}
catch (Bitrix24ApiException e) when (e.Code == "CHAT_ID_EMPTY" && e.ErrorCode == Bitrix24ErrorCode.ChatIdEmpty)
{
    Console.WriteLine($"own method error: {e.Code} ({e.StatusCode})");
}

Console.WriteLine($"built-in method: {sent}");
Console.WriteLine($"own method: {left}");
foreach (TranscriptMessage message in portal.State.GetChat(DemoPortal.ChatId).Transcript)
{
    Console.WriteLine($"transcript: {message}");
}

return exitCode;
