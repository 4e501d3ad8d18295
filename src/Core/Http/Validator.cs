using System.Net.Mail;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Http;

/// <summary>Collects field-level validation errors; <see cref="Failure"/> is one 400 naming them all.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public Validator Error(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public Validator Identifier(string field, string? value, bool required = true)
    {
        if (value is null)
        {
            return required ? Error(field, "Required.") : this;
        }
        return Keys.IsIdentifier(value) ? this : Error(field, "Use 3 to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit.");
    }

    /// <summary>An account identifier, not one the routes take as a word (<c>/api/customers/counts</c>).</summary>
    public Validator AccountId(string field, string? value)
    {
        Identifier(field, value);
        return value is "counts" ? Error(field, "This identifier is reserved.") : this;
    }

    public Validator Text(string field, string? value, int maxLength, bool required = false)
    {
        if (value is null)
        {
            return required ? Error(field, "Required.") : this;
        }
        if (required && string.IsNullOrWhiteSpace(value))
        {
            return Error(field, "Must not be empty.");
        }
        if (value.Length > maxLength)
        {
            return Error(field, $"At most {maxLength} characters.");
        }
        return value.Any(char.IsControl) ? Error(field, "Control characters are not allowed.") : this;
    }

    public Validator Email(string field, string? value, bool required = false)
    {
        if (value is null)
        {
            return required ? Error(field, "Required.") : this;
        }
        return IsEmail(value) ? this : Error(field, "Not a valid email address.");
    }

    public Validator Range(string field, int? value, int min, int max, bool required = false)
    {
        if (value is null)
        {
            return required ? Error(field, "Required.") : this;
        }
        return value < min || value > max ? Error(field, $"Must be from {min} to {max}.") : this;
    }

    public Validator OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = false)
    {
        if (value is null)
        {
            return required ? Error(field, "Required.") : this;
        }
        return allowed.Contains(value) ? this : Error(field, $"Must be one of: {string.Join(", ", allowed)}.");
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) &&
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>Null when every field passed; otherwise one <see cref="Invalid"/> naming them all.</summary>
    public Invalid? Failure => IsValid ? null : new Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

}
