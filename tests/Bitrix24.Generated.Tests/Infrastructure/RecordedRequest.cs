namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>One request as the loopback server received it, before it answered.</summary>
/// <param name="Method">The HTTP method, e.g. POST.</param>
/// <param name="Path">The decoded path, e.g. <c>/rest/1/abc123xyz/imopenlines.bot.session.operator</c>.</param>
/// <param name="Query">The query string including '?', or empty.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The raw body as UTF-8 text.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body);
