using System.Reflection;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// Every failure status a route can answer, with its problem types: the handler's declared failures (its
/// <see cref="Answer{T1,T2}"/> type arguments) plus what the route's declaration makes the dispatcher answer
/// (authentication, declared access, body limits, idempotency, storage outages).
/// </summary>
public static class OperationOutcomes
{
    public static SortedDictionary<int, SortedSet<string>> FailuresOf(ApiRoute route)
    {
        var failures = new SortedDictionary<int, SortedSet<string>>();
        void Add(int status, string? type)
        {
            if (!failures.TryGetValue(status, out var types))
            {
                failures[status] = types = new SortedSet<string>(StringComparer.Ordinal);
            }
            if (type is not null)
            {
                types.Add(type);
            }
        }

        foreach (var failure in route.DeclaredFailures)
        {
            if (failure == typeof(Failure))
            {
                // A handler that runs the session's access check again itself (AddMyself) answers what that check answers.
                Add(403, "forbidden");
                Add(404, "not-found");
                Add(409, "account-deleted");
                continue;
            }
            Add(Problems.StatusOf(failure), ProblemType(failure));
        }
        if (!route.Anonymous)
        {
            Add(401, "unauthorized");
            Add(503, "identity-provider-unavailable");
        }
        if (route.Access.Audience == Audience.Operators || route.Access.ImpersonationRefused is not null)
        {
            Add(403, "forbidden");
        }
        if (route.Access.Audience == Audience.Account)
        {
            Add(404, "not-found");
            Add(403, "forbidden");
            if (route.Access.IsWrite)
            {
                Add(409, "account-deleted");
            }
        }
        if (route.BodyType is not null)
        {
            Add(400, "bad-request");
            Add(400, "validation");
            Add(413, "payload-too-large");
            Add(415, "unsupported-media-type");
        }
        if (route.Query?.Contains("continuationToken") == true)
        {
            Add(400, "bad-request");
        }
        if (route.Query is not null)
        {
            // A declared query refuses parameters it does not read (the dispatcher's check).
            Add(400, "validation");
        }
        if (TakesIdempotencyKey(route))
        {
            Add(422, "idempotency-key-reused");
            Add(409, "idempotency-answer-unavailable");
        }
        Add(503, "storage-unavailable");
        Add(503, "busy");
        return failures;
    }

    /// <summary>POSTs of signed-in callers store their answer under the caller's <c>Idempotency-Key</c>.</summary>
    public static bool TakesIdempotencyKey(ApiRoute route) => route.Verb == "POST" && !route.Anonymous;

    /// <summary>The route compares the caller's <c>If-Match</c> with the current <c>ETag</c> (it declares a 412).</summary>
    public static bool HonoursIfMatch(ApiRoute route) => route.DeclaredFailures.Any(typeof(PreconditionFailed).IsAssignableFrom);

    /// <summary>
    /// The problem type a failure kind answers with: a named rule's own or its kind's (read off an instance made with
    /// placeholder arguments); null for a bare kind whose type the handler picks at run time.
    /// </summary>
    public static string? ProblemType(Type failure)
    {
        var constructor = failure.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault();
        return constructor is not null && Sample(constructor) is Failure sample && Problems.From(sample).Type is var type && type != Placeholder ? type : null;
    }

    private const string Placeholder = "x";

    private static object? Sample(ConstructorInfo constructor)
    {
        try
        {
            return constructor.Invoke([.. constructor.GetParameters().Select(p =>
                p.ParameterType == typeof(string) ? Placeholder :
                p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) :
                p.ParameterType == typeof(IReadOnlyDictionary<string, string[]>) ? new Dictionary<string, string[]>() : null)]);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
