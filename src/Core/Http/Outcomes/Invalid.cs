namespace CustomerFunctions.Core.Http;

/// <summary>The request's fields break their rules; every field is named with its messages.</summary>
public record Invalid(IReadOnlyDictionary<string, string[]> Errors, string Detail = "One or more fields are invalid.") : Failure
{
    public static Invalid Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] }, message);
}
