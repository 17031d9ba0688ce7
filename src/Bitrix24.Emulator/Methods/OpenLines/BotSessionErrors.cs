namespace Bitrix24.Emulator.Methods.OpenLines;

/// <summary>The errors of the <c>imopenlines.bot.session.*</c> pages, with the wire text the portal's code uses.</summary>
internal static class BotSessionErrors
{
    // The handler's text ends with a period; the pages show it with and without.
    public static EmulatedRestException WrongAuthType() => new(403, "WRONG_AUTH_TYPE", "Access for this method not allowed by session authorization.");

    public static EmulatedRestException ChatIdEmpty() => new(400, "CHAT_ID_EMPTY", "Chat ID can't be empty");

    public static EmulatedRestException WrongChat() => new(400, "WRONG_CHAT", "Operator is not a bot");

    public static EmulatedRestException UserIdEmpty() => new(400, "USER_ID_EMPTY", "User ID can't be empty");

    public static EmulatedRestException QueueIdEmpty() => new(400, "QUEUE_ID_EMPTY", "QUEUE ID can't be empty");

    public static EmulatedRestException TransferIdEmpty() => new(400, "TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty");

    public static EmulatedRestException BotIdError() => new(400, "BOT_ID_ERROR", "Bot not found");

    // RU docs and the code say "You can not"; the EN page says "You cannot" (the imopenlines.bot.session.transfer page).
    public static EmulatedRestException OperatorWrong() => new(400, "OPERATOR_WRONG", "You can not redirect to this operator");
}
