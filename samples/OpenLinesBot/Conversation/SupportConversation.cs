using Bitrix24;
using Bitrix24.ImBot;
using Bitrix24.ImOpenLines;
using Microsoft.Extensions.Options;
using OpenLinesBot.Faq;

namespace OpenLinesBot.Conversation;

/// <summary>What the bot says and does in an Open Lines dialog. The event handlers call it with the event's client and chat.</summary>
public sealed class SupportConversation(FaqBook faq, IOptions<SupportBotOptions> options, ILogger<SupportConversation> logger)
{
    public const string Prompt = "Ask me a question, or pick one below.";
    public const string NoMatch = "I don't know that one yet. Pick a question below, or talk to a person.";
    public const string PassingToPerson = "Connecting you with a person. Please stay in this chat.";
    public const string PassingToSales = "Passing you to our sales team.";
    public const string Goodbye = "Thank you for contacting us. Have a nice day!";

    private readonly SupportBotOptions _options = options.Value;

    /// <summary>The customer's dialog came to the bot: the line's own greeting (NAME=WELCOME), then the questions.</summary>
    public async Task GreetAsync(Bitrix24Client client, int botId, OpenLineDialog dialog, CancellationToken cancellationToken)
    {
        await client.ImOpenLines.Bot.Session.Message.SendAsync(dialog.ChatId, AutoMessageType.Welcome, cancellationToken: cancellationToken);
        await SayAsync(client, botId, dialog, Prompt, withKeyboard: true, cancellationToken);
    }

    /// <summary>The customer wrote: the FAQ entry the text matches, or a hint, with the keyboard.</summary>
    public Task AnswerAsync(Bitrix24Client client, int botId, OpenLineDialog dialog, string text, CancellationToken cancellationToken) =>
        SayAsync(client, botId, dialog, faq.Match(text)?.Answer ?? NoMatch, withKeyboard: true, cancellationToken);

    /// <summary>The customer pressed one of the bot's buttons.</summary>
    public async Task PressAsync(Bitrix24Client client, int botId, OpenLineDialog dialog, string command, string? parameters, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case BotCommands.Faq when faq.Find(parameters ?? string.Empty) is { } entry:
                await SayAsync(client, botId, dialog, entry.Answer, withKeyboard: true, cancellationToken);
                break;

            // The notice goes first: once a person or a queue has the dialog, the bot is no longer in the chat.
            case BotCommands.Person:
                await SayAsync(client, botId, dialog, PassingToPerson, withKeyboard: false, cancellationToken);
                await client.ImOpenLines.Bot.Session.OperatorAsync(dialog.ChatId, cancellationToken);
                break;

            case BotCommands.Sales when _options.SalesQueueId is int queue:
                await SayAsync(client, botId, dialog, PassingToSales, withKeyboard: false, cancellationToken);
                // CLIENT_ID: the bot token for a bot registered through a webhook; not sent (null) for an OAuth application.
                await client.ImOpenLines.Bot.Session.TransferAsync(dialog.ChatId, queueId: queue, leave: true, clientId: _options.BotToken, cancellationToken: cancellationToken);
                break;

            case BotCommands.Done:
                await SayAsync(client, botId, dialog, Goodbye, withKeyboard: false, cancellationToken);
                await client.ImOpenLines.Bot.Session.FinishAsync(dialog.ChatId, _options.BotToken, cancellationToken);
                break;

            default:
                // An old keyboard (an entry removed from the FAQ since) or a command of another version of the bot.
                logger.LogInformation("Button {Command} ({Parameters}) in chat {ChatId} is not known; offering the questions again.", command, parameters, dialog.ChatId);
                await SayAsync(client, botId, dialog, NoMatch, withKeyboard: true, cancellationToken);
                break;
        }
    }

    private Task SayAsync(Bitrix24Client client, int botId, OpenLineDialog dialog, string text, bool withKeyboard, CancellationToken cancellationToken) =>
        client.ImBot.V2.Chat.Message.SendAsync(botId, dialog.DialogId, _options.BotToken, new ChatMessageSendFields
        {
            Message = text,
            Keyboard = withKeyboard ? Keyboard(botId) : null,
        }, cancellationToken);

    /// <summary>The top questions, one per row, then "Talk to a person", "Sales" (when a queue is set) and "That's all".</summary>
    private Keyboard Keyboard(int botId)
    {
        var buttons = new List<KeyboardButton>();
        foreach (FaqEntry entry in faq.Top)
        {
            buttons.Add(new KeyboardButton { Text = entry.Question, Command = BotCommands.Faq, CommandParams = entry.Id, Display = KeyboardButtonDisplay.Line });
            buttons.Add(new KeyboardButton { Type = KeyboardButtonType.Newline });
        }

        buttons.Add(new KeyboardButton { Text = "Talk to a person", Command = BotCommands.Person, BgColorToken = ColorToken.Primary, Display = KeyboardButtonDisplay.Line });
        if (_options.SalesQueueId is not null)
        {
            buttons.Add(new KeyboardButton { Text = "Sales", Command = BotCommands.Sales, Display = KeyboardButtonDisplay.Line });
        }

        buttons.Add(new KeyboardButton { Text = "That's all", Command = BotCommands.Done, Display = KeyboardButtonDisplay.Line });
        return new Keyboard { BotId = botId, Buttons = buttons };
    }
}
