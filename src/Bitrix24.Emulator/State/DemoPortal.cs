using Bitrix24.Emulator.Auth;

namespace Bitrix24.Emulator.State;

/// <summary>
/// The demo portal every emulator starts with (unless <see cref="EmulatedPortalOptions.SeedDemoData"/> is
/// off): an admin, two operators and an inactive one, a customer, the "Support Bot" registered by the
/// demo application, open line 1 whose queue holds the two operators, and chat 112 with an active
/// session owned by the bot.
/// </summary>
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

    /// <summary>The <c>CLIENT_ID</c> the bot was registered with, which webhook calls of transfer and finish pass.</summary>
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
        state.AddBot(new ChatBot(BotId, "demo_support_bot", Application.ClientId, BotClientId));
        state.AddOpenLine(new OpenLine(LineId, "Demo Support", Greeting, [FirstOperatorId, SecondOperatorId]));
        state.AddChat(ChatId, LineId, CustomerId, BotId, firstMessage: "Hi! I have a question about my order.");
    }
}
