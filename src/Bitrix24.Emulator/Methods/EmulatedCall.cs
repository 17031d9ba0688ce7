using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods;

/// <summary>One call of a method, as its handler sees it.</summary>
public sealed class EmulatedCall
{
    internal EmulatedCall(string method, JsonObject parameters, EmulatedCaller caller, PortalState state, DateTimeOffset now)
    {
        Method = method;
        Parameters = parameters;
        Caller = caller;
        State = state;
        Now = now;
    }

    /// <summary>The REST method name as called.</summary>
    public string Method { get; }

    /// <summary>The parameters exactly as sent (keys keep their case; see <see cref="Wire.ParameterKeys.UpperCased"/>).</summary>
    public JsonObject Parameters { get; }

    /// <summary>Who is calling.</summary>
    public EmulatedCaller Caller { get; }

    /// <summary>The portal's state.</summary>
    public PortalState State { get; }

    /// <summary>The portal's clock at the start of the call.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The portal's time-zone offset, for dates the results show (ISO 8601 with the portal's offset).</summary>
    internal TimeSpan UtcOffset { get; init; }
}
