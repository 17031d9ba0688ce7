using Microsoft.Extensions.Options;

namespace Bitrix24;

/// <summary>
/// Checks <see cref="Bitrix24ServiceOptions"/> when they are first read (the client's first resolution,
/// or host start-up through <c>ValidateOnStart</c>): all problems at once, each naming its key.
/// </summary>
internal sealed class Bitrix24ServiceOptionsValidator : IValidateOptions<Bitrix24ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, Bitrix24ServiceOptions options)
    {
        // The client is built from the default (unnamed) options only.
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        List<string> errors = Bitrix24ClientOptionsFactory.Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
