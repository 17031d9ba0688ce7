using Bitrix24.ImBot;
using Bitrix24.Inbound;
using OpenLinesBot.Conversation;

namespace OpenLinesBot.Handlers;

/// <summary>ONIMBOTV2MESSAGEADD: the customer wrote (bots never trigger it, and once a person has the dialog the bot is gone).</summary>
internal sealed class MessageHandler(SupportConversation conversation) : IBitrix24EventHandler<MessageAddEvent>
{
    public Task HandleAsync(MessageAddEvent added, Bitrix24EventContext context, CancellationToken cancellationToken) =>
        OpenLineDialog.From(added.Chat) is { } dialog && !string.IsNullOrWhiteSpace(added.Message.Text)
            ? conversation.AnswerAsync(context.Client, added.Bot.Id, dialog, added.Message.Text, cancellationToken)
            : Task.CompletedTask;
}
