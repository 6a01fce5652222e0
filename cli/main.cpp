#include <cstdio>
int main() { std::puts("alignsim: under construction"); return 0; }
