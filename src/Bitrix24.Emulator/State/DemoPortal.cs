using Bitrix24.Emulator.Auth;

namespace Bitrix24.Emulator.State;

/// <summary>
/// The demo portal every emulator starts with (unless <see cref="EmulatedPortalOptions.SeedDemoData"/> is
/// off): an admin, two operators and an inactive one, a customer, the "Support Bot" registered by the
/// demo application, open line 1 whose queue holds the two operators, and chat 112 with an active
/// session owned by the bot.
/// </summary>
/// <remarks>
/// <para>
/// Chatbots 2.0 (<c>imbot.v2.*</c>): the Support Bot was registered the v1 way (<c>imbot.register</c> with
/// <c>TYPE=O</c>), and v1 bots are visible in v2, so it is an <c>openline</c> bot that v2 methods can drive at once:
/// with the demo application's OAuth tokens, or through <see cref="Webhook"/> with <c>botToken</c> =
/// <see cref="BotClientId"/>. It is a member of chat 112 (<c>dialogId</c> <c>chat112</c>) until it leaves.
/// </para>
/// <para>
/// A bot registered with <c>imbot.v2.Bot.register</c> starts in no chat: on a real portal an administrator connects
/// an open-line bot to the line in the line's settings, and the bot then joins the line's chats. The emulator's
/// stand-in is <see cref="PortalState.ConnectBotToLine"/> (<c>portal.State.ConnectBotToLine(DemoPortal.LineId, botId)</c>),
/// which takes only a bot that supports open lines (type <c>openline</c>, or <c>isSupportOpenline: true</c>) and
/// makes it a member of chat 112; <see cref="PortalState.AddChatMember(int, int)"/> adds any user to a chat. Until then
/// <c>imbot.v2.Chat.Message.send</c> into <c>chat112</c> answers 403 <c>ACCESS_DENIED</c>, as the docs say for a bot
/// that is not in the chat.
/// </para>
/// </remarks>
public static class DemoPortal
{
    /// <summary>The portal administrator, who owns the demo webhooks.</summary>
    public const int AdminId = 1;

    /// <summary>The first operator of line 1's queue.</summary>
    public const int FirstOperatorId = 3;

    /// <summary>The second operator of line 1's queue.</summary>
    public const int SecondOperatorId = 4;

    /// <summary>A deactivated employee: transferring to them gives <c>OPERATOR_WRONG</c>.</summary>
    public const int InactiveOperatorId = 5;

    /// <summary>The bot's id (bots are users too).</summary>
    public const int BotId = 7;

    /// <summary>The customer writing in chat 112.</summary>
    public const int CustomerId = 8;

    /// <summary>The open line (<c>QUEUE_ID</c> 1, <c>TRANSFER_ID</c> <c>queue1</c>).</summary>
    public const int LineId = 1;

    /// <summary>The open-line chat whose session the bot owns.</summary>
    public const int ChatId = 112;

    /// <summary>
    /// The <c>CLIENT_ID</c> the bot was registered with, which webhook calls of transfer and finish pass; webhook
    /// calls of <c>imbot.v2.*</c> pass it as <c>botToken</c>.
    /// </summary>
    public const string BotClientId = "demo-support-bot";

    /// <summary>The greeting <c>NAME=WELCOME</c> posts.</summary>
    public const string Greeting = "Welcome to Demo Support! A bot will help you first; an operator is one message away.";

    /// <summary>A webhook of the admin with the scopes the bot methods need.</summary>
    public static EmulatedWebhook Webhook { get; } = new(AdminId, "emulatorhookcode", ["imopenlines", "imbot", "user"]);

    /// <summary>A webhook of the admin without <c>imopenlines</c> and <c>imbot</c>: the bot methods answer 403 <c>insufficient_scope</c>.</summary>
    public static EmulatedWebhook WebhookWithoutBotScopes { get; } = new(AdminId, "crmonlyhookcode0", ["crm"]);

    /// <summary>The installed application that registered the bot.</summary>
    public static EmulatedApplication Application { get; } =
        new("local.emulator0demo.00000001", "emulatorDemoClientSecret0000000000000000000", ["imopenlines", "imbot", "user"]);

    /// <summary>Adds the demo data to <paramref name="state"/>.</summary>
    public static void Seed(PortalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.AddUser(new PortalUser(AdminId, "Anna Admin", IsAdmin: true));
        state.AddUser(new PortalUser(FirstOperatorId, "Oliver Operator"));
        state.AddUser(new PortalUser(SecondOperatorId, "Olga Operator"));
        state.AddUser(new PortalUser(InactiveOperatorId, "Ivan Inactive", IsActive: false));
        state.AddUser(new PortalUser(BotId, "Support Bot"));
        state.AddUser(new PortalUser(CustomerId, "Chris Customer"));
        // TYPE=O in v1 terms: an open-line bot, which v1 documents as forcing OPENLINE=Y.
        state.AddBot(new ChatBot(BotId, "demo_support_bot", Application.ClientId, BotClientId) { Type = BotTypes.OpenLine, IsSupportOpenline = true });
        state.AddOpenLine(new OpenLine(LineId, "Demo Support", Greeting, [FirstOperatorId, SecondOperatorId]));
        state.AddChat(ChatId, LineId, CustomerId, BotId, firstMessage: "Hi! I have a question about my order.");
    }
}
