using Bitrix24.ImBot;
using Bitrix24.Inbound;
using OpenLinesBot.Conversation;

namespace OpenLinesBot.Handlers;

/// <summary>ONIMBOTV2JOINCHAT: the bot joined a chat; in an Open Lines chat that is a customer's new dialog.</summary>
internal sealed class GreetingHandler(SupportConversation conversation) : IBitrix24EventHandler<JoinChatEvent>
{
    public Task HandleAsync(JoinChatEvent joined, Bitrix24EventContext context, CancellationToken cancellationToken) =>
        OpenLineDialog.From(joined.Chat) is { } dialog
            ? conversation.GreetAsync(context.Client, joined.Bot.Id, dialog, cancellationToken)
            : Task.CompletedTask;
}
