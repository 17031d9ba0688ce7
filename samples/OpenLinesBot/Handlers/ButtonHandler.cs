using Bitrix24.ImBot;
using Bitrix24.Inbound;
using OpenLinesBot.Conversation;

namespace OpenLinesBot.Handlers;

/// <summary>ONIMBOTV2COMMANDADD: the customer pressed a keyboard button (or typed one of the bot's commands).</summary>
internal sealed class ButtonHandler(SupportConversation conversation) : IBitrix24EventHandler<CommandAddEvent>
{
    public Task HandleAsync(CommandAddEvent pressed, Bitrix24EventContext context, CancellationToken cancellationToken) =>
        OpenLineDialog.From(pressed.Chat) is { } dialog && pressed.Command.Command is { } command
            ? conversation.PressAsync(context.Client, pressed.Bot.Id, dialog, command.TrimStart('/'), pressed.Command.Params, cancellationToken)
            : Task.CompletedTask;
}
