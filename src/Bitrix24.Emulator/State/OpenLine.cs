namespace Bitrix24.Emulator.State;

/// <summary>An open line (its <c>ID</c> is what <c>QUEUE_ID</c> and <c>queue&lt;ID&gt;</c> name).</summary>
/// <param name="Id">The line id, as <c>imopenlines.config.list.get</c> returns it.</param>
/// <param name="Name">The line's name.</param>
/// <param name="Greeting">The automatic greeting that <c>NAME=WELCOME</c> posts.</param>
/// <param name="Queue">The operators (user ids) of the line's queue, in distribution order.</param>
public sealed record OpenLine(int Id, string Name, string Greeting, IReadOnlyList<int> Queue);
