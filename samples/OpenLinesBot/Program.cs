// The Open Lines support bot. `dotnet run --project samples/OpenLinesBot` runs it against an embedded Bitrix24
// emulator and prints the playground's URL; Bitrix24__WebhookUrl and OpenLinesBot__BotToken point it at a real portal.
using Bitrix24;
using OpenLinesBot.Hosting;

try
{
    await using SupportBotApp bot = await SupportBotApp.StartAsync(args);
    Console.WriteLine(bot.Describe());
    await bot.App.WaitForShutdownAsync();
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or Bitrix24Exception or HttpRequestException)
{
    // A wrong setting, a broken faq.yaml, or a portal that refused the registration: the reason, not a stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}
