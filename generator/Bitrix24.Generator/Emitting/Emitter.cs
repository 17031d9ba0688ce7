using System;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>Turns a unit into the text of its file: a pure function of the unit.</summary>
internal static class Emitter
{
    public static string Emit(EmitUnit unit) => unit switch
    {
        MethodUnit method => MethodEmitter.Emit(method.Method),
        EnumUnit enumUnit => EnumEmitter.Emit(enumUnit.Enum),
        ObjectTypeUnit objectType => ObjectTypeEmitter.Emit(objectType.Type),
        ClientTreeUnit tree => ClientTreeEmitter.Emit(tree.Scope),
        BatchTreeUnit batchTree => ClientTreeEmitter.EmitBatch(batchTree.Scope),
        ErrorCodesUnit errorCodes => ErrorCodesEmitter.Emit(errorCodes),
        CatalogUnit catalog => CatalogEmitter.Emit(catalog),
        AccessorUnit accessor => AccessorEmitter.Emit(accessor),
        GeneratedMethodsUnit generatedMethods => GeneratedMethodsEmitter.Emit(generatedMethods),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit.GetType().Name, "Unknown unit kind."),
    };
}
