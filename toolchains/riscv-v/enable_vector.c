/* The vector unit starts disabled (mstatus.VS = Off): the first vector instruction would trap. picolibc's crt0 runs
 * constructors before main, so enable it here (VS = Initial). */
__attribute__((constructor)) static void kiln_enable_vector_unit(void)
{
    __asm__ volatile("csrs mstatus, %0" : : "r"(1u << 9));
}
