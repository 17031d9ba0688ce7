namespace Bitrix24.Inbound;

/// <summary>
/// Where an OAuth application keeps the portals it is installed on, by <c>member_id</c>: the receiver saves
/// one on <c>ONAPPINSTALL</c>, checks every other delivery's application token against it, and removes it on
/// <c>ONAPPUNINSTALL</c>. <see cref="InMemoryBitrix24InstallationStore"/> and
/// <see cref="FileBitrix24InstallationStore"/> are provided; several replicas need a shared one.
/// </summary>
public interface IBitrix24InstallationStore
{
    /// <summary>The installation of a portal, or null when the application is not installed there.</summary>
    ValueTask<Bitrix24Installation?> FindAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Saves (or replaces) the installation of its portal.</summary>
    ValueTask SaveAsync(Bitrix24Installation installation, CancellationToken cancellationToken);

    /// <summary>Removes the installation of a portal; false when there was none.</summary>
    ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken);
}
