using System.Text.Json;

namespace Bitrix24;

/// <summary>Writes a request's parameters as JSON properties (the surrounding object is written by the client).</summary>
public delegate void Bitrix24ParameterWriter<in TRequest>(Utf8JsonWriter writer, TRequest request);

/// <summary>Reads one JSON value; on entry the reader is on the value's first token, on exit on its last.</summary>
public delegate TResult Bitrix24ResultReader<out TResult>(ref Utf8JsonReader reader);

/// <summary>Maps a wire string to an enum member; false when the string is not a known value.</summary>
public delegate bool Bitrix24WireParser<TValue>(string? wire, out TValue value);

/// <summary>
/// A callable REST method: its description plus how its body is written and its result read.
/// Generated code creates one per spec; <see cref="Bitrix24Client.CallAsync{TRequest, TResult}"/> runs it.
/// </summary>
/// <typeparam name="TRequest">The request type, e.g. <c>ImOpenLinesBotSessionMessageSendRequest</c>.</typeparam>
/// <typeparam name="TResult">The type of <c>result</c>.</typeparam>
public sealed class Bitrix24Method<TRequest, TResult> : Bitrix24MethodInfo
{
    /// <summary>Writes the parameters with their exact wire names; must throw <see cref="ArgumentException"/> for a request that cannot be sent.</summary>
    public required Bitrix24ParameterWriter<TRequest> WriteParameters { get; init; }

    /// <summary>Reads the value of <c>result</c>; throws <see cref="JsonException"/> when it has an unexpected shape.</summary>
    public required Bitrix24ResultReader<TResult> ReadResult { get; init; }
}
