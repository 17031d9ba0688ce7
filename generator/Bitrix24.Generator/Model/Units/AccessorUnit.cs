namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// An app's way in to its own methods: the extension methods <c>client.App()</c> and
/// <c>batch.App()</c> and the classes they return, to which each scope file adds its property.
/// Names only, so adding a method or scope does not re-emit it.
/// </summary>
/// <param name="AccessorName">The extension method's name (<c>App</c>).</param>
/// <param name="RootType">The class <c>client.App()</c> returns (<c>AppApi</c>).</param>
/// <param name="BatchRootType">The class <c>batch.App()</c> returns (<c>AppBatchApi</c>).</param>
internal sealed record AccessorUnit(string HintName, string AccessorName, string RootType, string BatchRootType) : EmitUnit(HintName);
