namespace OpenLinesBot.Faq;

/// <summary>The FAQ file cannot be used; the message names the file, line and column.</summary>
public sealed class FaqFileException(string message, Exception? inner = null) : Exception(message, inner);
