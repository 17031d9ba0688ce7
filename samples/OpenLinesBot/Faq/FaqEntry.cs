namespace OpenLinesBot.Faq;

/// <summary>One question the bot can answer.</summary>
/// <param name="Id">Its id in keyboard buttons (<c>COMMAND_PARAMS</c>).</param>
/// <param name="Question">The button's text.</param>
/// <param name="Keywords">Words and phrases that make a message match, lower case.</param>
/// <param name="Answer">The bot's reply.</param>
/// <param name="IsTop">Offered as a button under every answer.</param>
public sealed record FaqEntry(string Id, string Question, IReadOnlyList<string> Keywords, string Answer, bool IsTop);
