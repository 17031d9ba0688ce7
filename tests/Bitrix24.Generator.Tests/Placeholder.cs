namespace Bitrix24.Generator.Tests;
