using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

// A handler's possible answers, in its signature (after ASP.NET Core's Results<...>, whose names clash with ours):
// Task<Answer<ApiResponse, NotFound, LastAdmin>> says the handler succeeds, finds nothing, or meets the last-admin rule.
// Machinery answers (authentication, authorization, body limits, concurrency) come from the route declaration instead.

/// <summary>One of 2 possible answers.</summary>
public sealed class Answer<T1, T2> : IAnswer
    where T1 : IResult
    where T2 : IResult
{
    private Answer(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Answer<T1, T2>(T1 result) => new(result);
    public static implicit operator Answer<T1, T2>(T2 result) => new(result);

    public static implicit operator Answer<T1, T2>(Replayed replay) => new(replay);

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);
}

/// <summary>One of 3 possible answers.</summary>
public sealed class Answer<T1, T2, T3> : IAnswer
    where T1 : IResult
    where T2 : IResult
    where T3 : IResult
{
    private Answer(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Answer<T1, T2, T3>(T1 result) => new(result);
    public static implicit operator Answer<T1, T2, T3>(T2 result) => new(result);
    public static implicit operator Answer<T1, T2, T3>(T3 result) => new(result);

    public static implicit operator Answer<T1, T2, T3>(Replayed replay) => new(replay);

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);
}

/// <summary>One of 4 possible answers.</summary>
public sealed class Answer<T1, T2, T3, T4> : IAnswer
    where T1 : IResult
    where T2 : IResult
    where T3 : IResult
    where T4 : IResult
{
    private Answer(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Answer<T1, T2, T3, T4>(T1 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4>(T2 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4>(T3 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4>(T4 result) => new(result);

    public static implicit operator Answer<T1, T2, T3, T4>(Replayed replay) => new(replay);

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);
}

/// <summary>One of 5 possible answers.</summary>
public sealed class Answer<T1, T2, T3, T4, T5> : IAnswer
    where T1 : IResult
    where T2 : IResult
    where T3 : IResult
    where T4 : IResult
    where T5 : IResult
{
    private Answer(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Answer<T1, T2, T3, T4, T5>(T1 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5>(T2 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5>(T3 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5>(T4 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5>(T5 result) => new(result);

    public static implicit operator Answer<T1, T2, T3, T4, T5>(Replayed replay) => new(replay);

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);
}

/// <summary>One of 6 possible answers.</summary>
public sealed class Answer<T1, T2, T3, T4, T5, T6> : IAnswer
    where T1 : IResult
    where T2 : IResult
    where T3 : IResult
    where T4 : IResult
    where T5 : IResult
    where T6 : IResult
{
    private Answer(IResult result) => Result = result;

    public IResult Result { get; }

    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(T1 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(T2 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(T3 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(T4 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(T5 result) => new(result);
    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(T6 result) => new(result);

    public static implicit operator Answer<T1, T2, T3, T4, T5, T6>(Replayed replay) => new(replay);

    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);
}
