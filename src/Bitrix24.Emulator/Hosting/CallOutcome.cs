using System.Text.Json.Nodes;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Hosting;

/// <summary>How one method call ended: a result with its <c>time</c> block, or an error.</summary>
/// <param name="Result">The value of <c>result</c>.</param>
/// <param name="Time">The <c>time</c> block of a success.</param>
/// <param name="Error">The error answered, or null.</param>
/// <param name="Ran">Whether the handler ran (so its state change, if any, happened).</param>
/// <param name="Crash">An unexpected exception from a handler, answered as 500 <c>INTERNAL_SERVER_ERROR</c>.</param>
internal sealed record CallOutcome(JsonNode? Result, TimeBlock? Time, EmulatedRestException? Error, bool Ran, Exception? Crash = null)
{
    public static CallOutcome Failure(EmulatedRestException error, bool ran = false, Exception? crash = null) => new(null, null, error, ran, crash);
}
