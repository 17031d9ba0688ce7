using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Methods;

/// <summary>
/// Runs one REST method: returns the value of <c>result</c>, or throws <see cref="EmulatedRestException"/>
/// for an error envelope. Runs under the portal's state lock, so it may read and change state freely.
/// </summary>
public delegate JsonNode? EmulatedMethodHandler(EmulatedCall call);
