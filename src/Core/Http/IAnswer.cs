using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Http;

/// <summary>A union of possible answers (<see cref="Answer{T1,T2}"/> and wider); <see cref="Result"/> is the one given.</summary>
public interface IAnswer : IResult
{
    IResult Result { get; }
}
