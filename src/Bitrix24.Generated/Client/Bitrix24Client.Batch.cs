namespace Bitrix24;

partial class Bitrix24Client
{
    /// <summary>
    /// Starts a batch: commands queued on it (<c>batch.ImOpenLines.Bot.Session.Message.Send(...)</c>, the
    /// same paths and arguments as the client's methods) run together through the portal's <c>batch</c>
    /// method when <see cref="Bitrix24Batch.ExecuteAsync"/> is awaited, in calls of up to 50 commands.
    /// </summary>
    /// <param name="halt">
    /// True to stop at the first command that fails (the rest are not executed); false (the default)
    /// to run every command whatever the others do.
    /// </param>
    /// <returns>An empty batch bound to this client.</returns>
    public Bitrix24Batch CreateBatch(bool halt = false) => new(this, halt, _redactor);
}
