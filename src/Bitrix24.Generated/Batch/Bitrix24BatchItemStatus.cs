namespace Bitrix24;

/// <summary>What became of one command of a <see cref="Bitrix24Batch"/>.</summary>
public enum Bitrix24BatchItemStatus
{
    /// <summary>Queued; the batch has not run yet.</summary>
    Pending,

    /// <summary>The command ran and its result was read: <see cref="Bitrix24BatchItem{TResult}.Result"/> holds it.</summary>
    Succeeded,

    /// <summary>
    /// The portal answered the command with an error (<see cref="Bitrix24BatchItem.Error"/>), or its result
    /// could not be read as the spec's type (<see cref="Bitrix24BatchItem.Failure"/> is then a
    /// <see cref="Bitrix24TransportException"/>; the command did run).
    /// </summary>
    Failed,

    /// <summary>
    /// The command surely did not run: an earlier command failed in a batch that halts on errors, or the
    /// call that was to carry it was refused before the portal ran anything, or never made.
    /// </summary>
    NotExecuted,

    /// <summary>
    /// The call carrying the command failed after it may have reached the portal (a timeout, a dropped
    /// connection, an unreadable answer): the command may or may not have run. Do not simply repeat a
    /// command that is not idempotent; check the portal first.
    /// </summary>
    OutcomeUnknown,
}
