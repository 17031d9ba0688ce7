namespace Bitrix24.Emulator.State;

/// <summary>A registered chat bot.</summary>
/// <param name="Id">The <c>BOT_ID</c>, which is also the bot's user id.</param>
/// <param name="Code">The bot's unique <c>CODE</c>.</param>
/// <param name="AppClientId">The OAuth application that registered it; calls made with that app's tokens find this bot.</param>
/// <param name="WebhookClientId">
/// The <c>CLIENT_ID</c> given to <c>imbot.register</c> (or the <c>botToken</c> of <c>imbot.v2.Bot.register</c>);
/// webhook calls of <c>transfer</c> and <c>finish</c> must pass it to find this bot.
/// </param>
public sealed record ChatBot(int Id, string Code, string? AppClientId, string? WebhookClientId);
