using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.Methods;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// Runs a method for an authorized caller, the part of a call that <c>batch</c> repeats per command:
/// find the method, check scopes and the operating limit, run the handler under the state lock, and
/// account its execution time.
/// </summary>
internal sealed class RestDispatcher
{
    private readonly Dictionary<string, EmulatedMethod> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly PortalState _state;
    private readonly OperatingLimiter? _operatingLimiter;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _callDuration;
    private readonly TimeSpan _utcOffset;

    public RestDispatcher(PortalState state, OperatingLimiter? operatingLimiter, TimeProvider clock, TimeSpan callDuration, TimeSpan utcOffset)
    {
        _state = state;
        _operatingLimiter = operatingLimiter;
        _clock = clock;
        _callDuration = callDuration;
        _utcOffset = utcOffset;
    }

    /// <summary>Adds a method, or replaces the one with that name.</summary>
    public void Map(EmulatedMethod method) => _methods[method.Name] = method;

    public CallOutcome Invoke(EmulatedCaller caller, string methodName, JsonObject parameters, bool insideBatch)
    {
        if (!_methods.TryGetValue(methodName, out EmulatedMethod? method))
        {
            return CallOutcome.Failure(SystemErrors.MethodNotFound());
        }

        if (insideBatch && !method.AllowedInBatch)
        {
            return CallOutcome.Failure(SystemErrors.BatchMethodNotAllowed());
        }

        if (method.Scopes.Any(scope => !caller.HasScope(scope)))
        {
            return CallOutcome.Failure(SystemErrors.InsufficientScope());
        }

        DateTimeOffset now = _clock.GetUtcNow();
        bool counted = method.CountsOperatingTime && _operatingLimiter is not null;
        if (counted && _operatingLimiter!.IsBlocked(caller.LimitKey, method.Name, now))
        {
            return CallOutcome.Failure(SystemErrors.OperationTimeLimit());
        }

        JsonNode? result = null;
        EmulatedRestException? error = null;
        Exception? crash = null;
        lock (_state.Gate)
        {
            try
            {
                result = method.Handler(new EmulatedCall(method.Name, parameters, caller, _state, now) { UtcOffset = _utcOffset });
            }
            catch (EmulatedRestException e)
            {
                error = e;
            }
            catch (Exception e)
            {
                crash = e;
                error = SystemErrors.InternalServerError();
            }
        }

        // Failed calls ran too, so they count toward the method's operating time.
        (double Operating, long ResetAt)? operating = counted
            ? _operatingLimiter!.Record(caller.LimitKey, method.Name, now, _callDuration)
            : null;
        if (error is not null)
        {
            return CallOutcome.Failure(error, ran: true, crash);
        }

        var time = new TimeBlock(now, _callDuration, _utcOffset, operating?.Operating, operating?.ResetAt);
        return new CallOutcome(result, time, null, Ran: true);
    }
}
