#include "kiln_qgemm.h"
#include "kiln_qgemm_body.h"
