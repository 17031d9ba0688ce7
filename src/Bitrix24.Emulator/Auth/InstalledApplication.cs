namespace Bitrix24.Emulator.Auth;

/// <summary>An OAuth application the portal knows, with its <c>application_token</c> on this portal.</summary>
/// <param name="Application">The application.</param>
/// <param name="Token">Its <c>application_token</c>: one per application and portal, new after a reinstall.</param>
/// <param name="HandlerUrl">Where <c>ONAPPINSTALL</c> went, and where <c>ONAPPUNINSTALL</c> goes; null when none was given.</param>
/// <param name="Installed">Whether it is installed now (its tokens work).</param>
internal sealed record InstalledApplication(EmulatedApplication Application, string Token, Uri? HandlerUrl, bool Installed);
