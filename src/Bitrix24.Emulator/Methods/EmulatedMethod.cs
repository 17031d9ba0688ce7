namespace Bitrix24.Emulator.Methods;

/// <summary>A REST method the emulated portal serves.</summary>
/// <param name="Name">The method name, matched without regard to case.</param>
/// <param name="Scopes">Every scope the webhook or application needs; missing one gives 403 <c>insufficient_scope</c>. Empty for none.</param>
/// <param name="Handler">What the method does.</param>
public sealed record EmulatedMethod(string Name, IReadOnlyList<string> Scopes, EmulatedMethodHandler Handler)
{
    /// <summary>Whether calls count toward the per-method operating limit (the outer <c>batch</c> does not).</summary>
    public bool CountsOperatingTime { get; init; } = true;

    /// <summary>Whether the method may be called inside <c>batch</c>.</summary>
    public bool AllowedInBatch { get; init; } = true;
}
