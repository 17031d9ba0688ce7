namespace Bitrix24.Emulator.Tests.Infrastructure;

/// <summary>The four <c>imopenlines.bot.session.*</c> method names (FACTS §1).</summary>
internal static class BotMethods
{
    public const string MessageSend = "imopenlines.bot.session.message.send";
    public const string Operator = "imopenlines.bot.session.operator";
    public const string Transfer = "imopenlines.bot.session.transfer";
    public const string Finish = "imopenlines.bot.session.finish";

    public static readonly string[] All = [MessageSend, Operator, Transfer, Finish];

    /// <summary>The four names for a <c>[Theory]</c>.</summary>
    public static TheoryData<string> AllData() => new(All);
}
